export type Attendance = 'unknown' | 'present' | 'absent' | 'excused';

export const attendanceLabels: Record<Attendance, { label: string; color: string }> = {
  unknown: { label: 'Chưa ghi nhận', color: 'default' },
  present: { label: 'Có mặt', color: 'green' },
  absent: { label: 'Vắng', color: 'red' },
  excused: { label: 'Vắng có lý do', color: 'orange' },
};

export interface MeetingRow {
  id: string;
  title: string;
  agencyName: string;
  startsAt: string;
  endsAt: string | null;
  place: string;
  onlineLink: string | null;
  organiser: boolean;
  invited: boolean;
  myAttendance: Attendance | null;
}

export interface MeetingView {
  id: string;
  agencyId: string;
  agencyName: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string;
  onlineLink: string | null;
  version: number;
  canManage: boolean;
  invited: boolean;
  myAttendance: Attendance | null;
  myConfirmedAt: string | null;
  agenda: {
    id: string;
    ordinal: number;
    title: string;
    presenter: string | null;
    conclusion: string | null;
    concludedAt: string | null;
  }[];
  participants: {
    userId: string;
    fullName: string;
    agencies: string;
    attendance: Attendance;
    confirmedAt: string | null;
  }[];
  documents: {
    id: string;
    title: string;
    versions: {
      id: string;
      versionNo: number;
      name: string;
      sizeBytes: number;
      uploadedAt: string;
      readByMe: string | null;
      reads: {
        userId: string;
        fullName: string;
        firstReadAt: string;
        lastReadAt: string;
        readCount: number;
      }[];
    }[];
  }[];
  tasks: {
    id: string;
    agendaItemId: string;
    description: string;
    agencyName: string;
    dueDate: string;
    status: 'open' | 'done';
    reformTask: { id: string; description: string } | null;
  }[];
}

export interface Invitable {
  id: string;
  fullName: string;
  agencies: string;
}

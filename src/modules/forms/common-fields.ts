import type { Applicant } from './forms.types.ts';
import type { FieldLine } from './pdf.ts';

// Lines several forms print the same way.

/** Name (under the given label), citizen ID if any, address, then phone and e-mail on one line. */
export function applicantLines(applicant: Applicant, nameLabel: string): FieldLine[] {
  return [
    [nameLabel, applicant.name],
    ['Số định danh cá nhân', applicant.citizenId],
    ['Địa chỉ', applicant.address],
    [
      ['Số điện thoại', applicant.phone],
      ['Email', applicant.email],
    ],
  ];
}

/** "Kính gửi" the applicant, with address, phone and e-mail: the addressee block of letters to the applicant. */
export function addresseeLines(applicant: Applicant): FieldLine[] {
  return [
    ['Kính gửi', `Ông/bà ${applicant.name}`],
    ['Địa chỉ', applicant.address],
    [
      ['Số điện thoại', applicant.phone],
      ['Email', applicant.email],
    ],
  ];
}

export function procedureText(procedure: { name: string; code?: string | undefined }): string {
  return procedure.code ? `${procedure.name} (mã TTHC ${procedure.code})` : procedure.name;
}

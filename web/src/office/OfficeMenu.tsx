import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudServerOutlined,
  ContainerOutlined,
  CreditCardOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundOutlined,
  IdcardOutlined,
  InboxOutlined,
  LikeOutlined,
  MessageOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ScissorOutlined,
  SettingOutlined,
  SmileOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { isAdmin, useAuth } from '../auth';

function selectedKey(pathname: string, search: string): string {
  if (pathname.startsWith('/quan-tri/tiep-nhan')) return 'intake';
  if (pathname.startsWith('/quan-tri/danh-gia-tai-quay')) return 'counter-rating';
  if (pathname === '/quan-tri/ho-so' || pathname === '/quan-tri/ho-so/') {
    return new URLSearchParams(search).get('scope') === 'all' ? 'dossiers' : 'queue';
  }
  if (pathname.startsWith('/quan-tri/ho-so/')) return 'queue';
  if (pathname.startsWith('/quan-tri/doi-soat-thanh-toan')) return 'payments';
  if (pathname.startsWith('/quan-tri/ra-soat-tthc') || pathname.startsWith('/quan-tri/thu-tuc-lien-thong'))
    return 'procedure-review';
  if (pathname.startsWith('/quan-tri/chinh-quyen-dien-tu')) return 'egov-assessment';
  if (pathname.startsWith('/quan-tri/thu-tuc')) return 'procedures';
  if (pathname.startsWith('/quan-tri/ra-soat')) return 'review';
  if (pathname.startsWith('/quan-tri/nhan-su')) return 'staff';
  if (pathname.startsWith('/quan-tri/vi-tri-viec-lam')) return 'positions';
  if (pathname.startsWith('/quan-tri/kinh-phi-cchc')) return 'reform-budget';
  if (pathname.startsWith('/quan-tri/can-bo')) return 'officers';
  if (pathname.startsWith('/quan-tri/bao-mat-tai-khoan')) return 'account-security';
  if (pathname.startsWith('/quan-tri/lich-nghi')) return 'calendar';
  if (pathname.startsWith('/quan-tri/bao-cao-cchc')) return 'reform-reports';
  if (pathname.startsWith('/quan-tri/bao-cao')) return 'reports';
  if (pathname.startsWith('/quan-tri/chi-so-cchc')) return 'reform-index';
  if (pathname.startsWith('/quan-tri/chi-so')) return 'kpi';
  if (pathname.startsWith('/quan-tri/phan-anh-kien-nghi')) return 'feedback';
  if (pathname.startsWith('/quan-tri/danh-gia-giai-quyet')) return 'evaluations';
  if (pathname.startsWith('/quan-tri/cai-dat-danh-gia')) return 'evaluation-settings';
  if (pathname.startsWith('/quan-tri/khao-sat')) return 'surveys';
  if (pathname.startsWith('/quan-tri/ke-hoach-cchc')) return 'reform-plans';
  if (pathname.startsWith('/quan-tri/viec-cua-co-quan')) return 'reform-board';
  if (pathname.startsWith('/quan-tri/van-ban')) return 'documents';
  if (pathname.startsWith('/quan-tri/hop')) return 'meetings';
  if (pathname.startsWith('/quan-tri/tin-tuc')) return 'news';
  if (pathname.startsWith('/quan-tri/ket-noi-he-thong')) return 'interop';
  if (pathname.startsWith('/quan-tri/nhat-ky-kiem-toan')) return 'audit-log';
  return 'agencies';
}

/** The back office's side menu; administration items only for administrators. */
export function OfficeMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { user } = useAuth();
  const { pathname, search } = useLocation();
  const isDesk = Boolean(user?.roles.some((r) => r.role === 'desk_officer'));
  const items: MenuProps['items'] = [
    ...(isDesk
      ? [
          {
            key: 'intake',
            icon: <InboxOutlined />,
            label: <Link to="/quan-tri/tiep-nhan">Tiếp nhận hồ sơ</Link>,
          },
          {
            key: 'counter-rating',
            icon: <LikeOutlined />,
            label: <Link to="/quan-tri/danh-gia-tai-quay">Đánh giá tại quầy</Link>,
          },
        ]
      : []),
    { key: 'queue', icon: <SolutionOutlined />, label: <Link to="/quan-tri/ho-so">Hồ sơ cần xử lý</Link> },
    {
      key: 'dossiers',
      icon: <FileSearchOutlined />,
      label: <Link to="/quan-tri/ho-so?scope=all">Tra cứu hồ sơ</Link>,
    },
    {
      key: 'payments',
      icon: <CreditCardOutlined />,
      label: <Link to="/quan-tri/doi-soat-thanh-toan">Đối soát thanh toán</Link>,
    },
    { key: 'agencies', icon: <BankOutlined />, label: <Link to="/quan-tri">Cơ quan của tôi</Link> },
    {
      key: 'reports',
      icon: <FundOutlined />,
      label: <Link to="/quan-tri/bao-cao">Báo cáo giải quyết TTHC</Link>,
    },
    {
      key: 'kpi',
      icon: <DashboardOutlined />,
      label: <Link to="/quan-tri/chi-so">Chỉ số, mục tiêu CCHC</Link>,
    },
    {
      key: 'feedback',
      icon: <MessageOutlined />,
      label: <Link to="/quan-tri/phan-anh-kien-nghi">Phản ánh, kiến nghị</Link>,
    },
    {
      key: 'evaluations',
      icon: <StarOutlined />,
      label: <Link to="/quan-tri/danh-gia-giai-quyet">Đánh giá giải quyết TTHC</Link>,
    },
    {
      key: 'surveys',
      icon: <SmileOutlined />,
      label: <Link to="/quan-tri/khao-sat">Khảo sát sự hài lòng</Link>,
    },
    {
      key: 'staff',
      icon: <IdcardOutlined />,
      label: <Link to="/quan-tri/nhan-su">Cán bộ, đào tạo</Link>,
    },
    {
      key: 'positions',
      icon: <ApartmentOutlined />,
      label: <Link to="/quan-tri/vi-tri-viec-lam">Vị trí việc làm, biên chế</Link>,
    },
    {
      key: 'reform-plans',
      icon: <ScheduleOutlined />,
      label: <Link to="/quan-tri/ke-hoach-cchc">Kế hoạch CCHC</Link>,
    },
    {
      key: 'reform-board',
      icon: <CarryOutOutlined />,
      label: <Link to="/quan-tri/viec-cua-co-quan">Việc của cơ quan tôi</Link>,
    },
    {
      key: 'reform-budget',
      icon: <WalletOutlined />,
      label: <Link to="/quan-tri/kinh-phi-cchc">Kinh phí CCHC</Link>,
    },
    {
      key: 'reform-reports',
      icon: <FileDoneOutlined />,
      label: <Link to="/quan-tri/bao-cao-cchc">Báo cáo CCHC năm</Link>,
    },
    {
      key: 'reform-index',
      icon: <TrophyOutlined />,
      label: <Link to="/quan-tri/chi-so-cchc">Chỉ số CCHC</Link>,
    },
    {
      key: 'documents',
      icon: <ContainerOutlined />,
      label: <Link to="/quan-tri/van-ban">Văn bản, ISO</Link>,
    },
    { key: 'meetings', icon: <TeamOutlined />, label: <Link to="/quan-tri/hop">Họp không giấy</Link> },
    ...(isAdmin(user) || user?.roles.some((r) => r.agencyName?.startsWith('Phòng Văn hóa'))
      ? [
          {
            key: 'news',
            icon: <ReadOutlined />,
            label: <Link to="/quan-tri/tin-tuc">Tin tức, hướng dẫn</Link>,
          },
        ]
      : []),
    {
      key: 'procedure-review',
      icon: <ScissorOutlined />,
      label: <Link to="/quan-tri/ra-soat-tthc">Rà soát, đơn giản hóa TTHC</Link>,
    },
    {
      key: 'egov-assessment',
      icon: <CloudServerOutlined />,
      label: <Link to="/quan-tri/chinh-quyen-dien-tu">Chính quyền điện tử</Link>,
    },
    ...(isAdmin(user)
      ? [
          {
            type: 'group' as const,
            key: 'admin',
            label: 'Quản trị hệ thống',
            children: [
              {
                key: 'procedures',
                icon: <FileTextOutlined />,
                label: <Link to="/quan-tri/thu-tuc">Thủ tục hành chính</Link>,
              },
              {
                key: 'review',
                icon: <AuditOutlined />,
                label: <Link to="/quan-tri/ra-soat">Dữ liệu cần xác nhận</Link>,
              },
              { key: 'officers', icon: <TeamOutlined />, label: <Link to="/quan-tri/can-bo">Cán bộ</Link> },
              {
                key: 'account-security',
                icon: <SettingOutlined />,
                label: <Link to="/quan-tri/bao-mat-tai-khoan">Bảo mật tài khoản</Link>,
              },
              {
                key: 'calendar',
                icon: <CalendarOutlined />,
                label: <Link to="/quan-tri/lich-nghi">Lịch nghỉ lễ, Tết</Link>,
              },
              {
                key: 'evaluation-settings',
                icon: <SettingOutlined />,
                label: <Link to="/quan-tri/cai-dat-danh-gia">Cài đặt đánh giá</Link>,
              },
              {
                key: 'interop',
                icon: <ApiOutlined />,
                label: <Link to="/quan-tri/ket-noi-he-thong">Kết nối hệ thống</Link>,
              },
              {
                key: 'audit-log',
                icon: <SafetyCertificateOutlined />,
                label: <Link to="/quan-tri/nhat-ky-kiem-toan">Nhật ký kiểm toán</Link>,
              },
            ],
          },
        ]
      : []),
  ];
  return (
    <nav aria-label="Menu quản trị">
      <Menu mode="inline" items={items} selectedKeys={[selectedKey(pathname, search)]} onClick={onNavigate} />
    </nav>
  );
}

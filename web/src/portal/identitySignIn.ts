// Sign-in with the national electronic identity (src/modules/auth/oidc-routes.ts, oidc-flow.ts).

export interface OidcSettings {
  enabled: boolean;
  label: string | null;
  requiredForOfficers: boolean;
}

export interface IdentityLink {
  id: string;
  provider: string;
  issuer: string;
  linkedBy: 'sign_in' | 'admin';
  createdAt: string;
  lastSignInAt: string | null;
}

/** Why the server sent the browser back to the login page (`?loi_dinh_danh=`); same words as oidc-flow.ts. */
export const identitySignInErrors: Record<string, string> = {
  denied: 'Bạn đã từ chối cho phép chia sẻ thông tin định danh, nên chưa đăng nhập được.',
  expired: 'Phiên đăng nhập bằng định danh điện tử đã hết hạn hoặc không còn hiệu lực. Vui lòng thử lại.',
  state: 'Yêu cầu đăng nhập không hợp lệ (không khớp với phiên đã bắt đầu). Vui lòng thử lại.',
  code: 'Mã xác thực từ hệ thống định danh không hợp lệ hoặc đã được dùng. Vui lòng đăng nhập lại.',
  no_id: 'Hệ thống định danh không cung cấp số CCCD của bạn, nên không thể đăng nhập.',
  bad_id: 'Số CCCD do hệ thống định danh cung cấp không hợp lệ, nên không thể đăng nhập.',
  locked: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.',
  provider: 'Hệ thống định danh trả về lỗi. Vui lòng thử lại sau.',
  unavailable: 'Không kết nối được hệ thống định danh điện tử. Vui lòng thử lại sau.',
};

/** Where the button sends the browser: the server redirects on to the identity provider. */
export function identitySignInUrl(next: string | null): string {
  return `/api/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ''}`;
}

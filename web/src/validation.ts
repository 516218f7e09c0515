// Client-side checks mirroring the server's rules (the server stays the authority).

export const phonePattern = /^0\d{9}$/;
export const citizenIdPattern = /^\d{12}$/;
export const minPasswordLength = 8;

/** Drops spaces, dots and dashes people type inside phone numbers and ID numbers. */
export function compactDigits(value: string | undefined): string {
  return (value ?? '').replace(/[\s.-]/g, '');
}

export const messages = {
  required: (what: string) => `Vui lòng nhập ${what}.`,
  email: 'Email không hợp lệ.',
  phone: 'Số điện thoại gồm 10 chữ số và bắt đầu bằng 0.',
  citizenId: 'Số CCCD gồm đúng 12 chữ số.',
  password: `Mật khẩu phải có ít nhất ${minPasswordLength} ký tự.`,
  confirm: 'Mật khẩu nhập lại không khớp.',
  emailOrPhone: 'Vui lòng nhập email hoặc số điện thoại.',
};

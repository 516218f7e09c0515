import { z } from 'zod';
import { roles } from './schema.ts';

export const roleSchema = z.enum(roles);

const password = z
  .string()
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự.')
  .max(128, 'Mật khẩu không được dài quá 128 ký tự.');

export const signupBody = z
  .object({
    fullName: z.string().trim().min(2, 'Vui lòng nhập họ và tên.').max(120, 'Họ và tên quá dài.'),
    email: z.string().trim().max(254).email('Email không hợp lệ.').optional().or(z.literal('')),
    phone: z.string().trim().max(20, 'Số điện thoại không hợp lệ.').optional().or(z.literal('')),
    citizenId: z.string().trim().max(12, 'Số CCCD phải gồm đúng 12 chữ số.').optional().or(z.literal('')),
    password,
  })
  .strict();

export const loginBody = z
  .object({
    identifier: z.string().trim().min(1, 'Vui lòng nhập email hoặc số điện thoại.').max(254),
    password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(128),
  })
  .strict();

export const changePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: password })
  .strict();

export const roleGrant = z.object({
  role: roleSchema,
  agencyId: z.uuid('Mã cơ quan không hợp lệ.').nullable(),
});

export const createOfficerBody = z
  .object({
    fullName: z.string().trim().min(2, 'Vui lòng nhập họ và tên.').max(120),
    email: z.string().trim().max(254).email('Email không hợp lệ.'),
    phone: z.string().trim().max(20).optional().or(z.literal('')),
    password,
    roles: z.array(roleGrant).min(1, 'Cán bộ cần ít nhất một vai trò.').max(20),
  })
  .strict();

export const meSchema = z.object({
  id: z.string(),
  kind: z.enum(['citizen', 'officer']),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  citizenId: z.string().nullable(),
  roles: z.array(
    z.object({ role: roleSchema, agencyId: z.string().nullable(), agencyName: z.string().nullable() }),
  ),
  /** The two-factor policy covers the account and no authenticator is enrolled yet. */
  mustEnrolTotp: z.boolean().optional(),
});
export type Me = z.infer<typeof meSchema>;

export const officerSchema = meSchema
  .omit({ kind: true, citizenId: true, mustEnrolTotp: true })
  .extend({ active: z.boolean() });

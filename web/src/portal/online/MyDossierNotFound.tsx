import { NotFound } from '../../components/NotFound';

/** A dossier id that is not (or no longer) one of the account's own: the draft and detail pages answer alike. */
export function MyDossierNotFound() {
  return (
    <NotFound
      title="Không tìm thấy hồ sơ"
      description="Hồ sơ không tồn tại hoặc không thuộc tài khoản của bạn."
      backTo="/ho-so-cua-toi"
      backLabel="Về Hồ sơ của tôi"
    />
  );
}

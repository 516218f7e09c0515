import { Alert } from 'antd';
import { ApiError, errorMessage } from '../api';

/**
 * The server's message for a failed submit. When every field message already sits next to its field, the
 * summary repeats the field's own words: the server's general message names the field by its API path
 * ("Trường «currentPassword»: …"), which users should not see.
 */
function summary(error: unknown, unmatched: string[]): string {
  if (error instanceof ApiError && error.fields.length > 0 && unmatched.length === 0) {
    return error.fields.length === 1
      ? (error.fields[0]?.message ?? error.message)
      : 'Vui lòng sửa các mục được đánh dấu bên dưới.';
  }
  return errorMessage(error);
}

/** A failed form submit: the general message plus messages of fields the form does not show. */
export function FormError({ error, extra = [] }: { error: unknown; extra?: string[] }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={summary(error, extra)}
      description={
        extra.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {extra.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

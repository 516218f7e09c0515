import { Alert, Button } from 'antd';
import { errorMessage } from '../api';

/** An error from the server, with its Vietnamese message and an optional retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            Thử lại
          </Button>
        ) : undefined
      }
      style={{ margin: '16px 0' }}
    />
  );
}

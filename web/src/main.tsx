import 'dayjs/locale/vi';
import './styles.css';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { AuthProvider } from './auth';

dayjs.locale('vi');

// antd's default greys (placeholders, secondary text) and its error red are below the 4.5:1 contrast WCAG asks
// for: darker shades (the light tags' text colours are in styles.css).
const theme = {
  token: {
    colorPrimary: '#0b3d91',
    borderRadius: 6,
    colorTextPlaceholder: '#6b7280',
    colorTextSecondary: '#595959',
    colorTextDescription: '#595959',
    colorTextTertiary: '#6b7280',
    colorError: '#cf1322',
    colorSuccessText: '#237804',
    colorWarningText: '#874d00',
  },
};

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={theme}>
      <BrowserRouter>
        <AuthProvider>
          <AppRoutes />
        </AuthProvider>
      </BrowserRouter>
    </ConfigProvider>
  </StrictMode>,
);

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api, onEnrolmentRequired, onSessionEnded } from './api';
import type { Me } from './types';

interface AuthState {
  /** undefined while the first GET /api/auth/me is in flight, null when signed out. */
  user: Me | null | undefined;
  /** Set when the session could not be checked (network or server error, not 401). */
  checkError: ApiError | undefined;
  setUser: (user: Me | null) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  /** Why the user was sent to the sign-in page (their session ended), shown there once. */
  sessionEnded: string | undefined;
  clearSessionEnded: () => void;
}

/** Where an account that the two-factor policy covers must go before anything else. */
export const enrolmentPath = '/tai-khoan/xac-thuc-hai-buoc';

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [checkError, setCheckError] = useState<ApiError | undefined>(undefined);
  const [sessionEnded, setSessionEnded] = useState<string | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();
  const here = location.pathname + location.search;

  const refresh = useCallback(async () => {
    try {
      const { user: me } = await api.get<{ user: Me | null }>('/api/auth/me');
      setUser(me);
      setCheckError(undefined);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setUser(null);
        setCheckError(undefined);
      } else {
        setUser(null);
        setCheckError(error instanceof ApiError ? error : undefined);
      }
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setUser(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A session that ends while the app is open: back to the sign-in page, then back here.
  useEffect(() => {
    onSessionEnded((message) => {
      if (!user) return;
      setUser(null);
      setSessionEnded(message);
      if (location.pathname !== '/dang-nhap') navigate(loginPath(here), { replace: true });
    });
    return () => onSessionEnded(undefined);
  }, [user, here, location.pathname, navigate]);

  useEffect(() => {
    onEnrolmentRequired(() => void refresh());
    return () => onEnrolmentRequired(undefined);
  }, [refresh]);

  // The two-factor policy: nothing else until an authenticator is enrolled (the server refuses the rest too).
  useEffect(() => {
    if (user?.mustEnrolTotp && location.pathname !== enrolmentPath) {
      navigate(`${enrolmentPath}?next=${encodeURIComponent(here)}`, { replace: true });
    }
  }, [user, here, location.pathname, navigate]);

  const clearSessionEnded = useCallback(() => setSessionEnded(undefined), []);
  const value = useMemo(
    () => ({ user, checkError, setUser, refresh, logout, sessionEnded, clearSessionEnded }),
    [user, checkError, refresh, logout, sessionEnded, clearSessionEnded],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside AuthProvider');
  return state;
}

export function isOfficer(user: Me | null | undefined): user is Me {
  return user?.kind === 'officer';
}

export function isAdmin(user: Me | null | undefined): boolean {
  return isOfficer(user) && user.roles.some((r) => r.role === 'admin');
}

/** Only same-site paths are accepted as a `?next=` target. */
export function safeNextPath(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

export function homeFor(user: Me): string {
  return isOfficer(user) ? '/quan-tri' : '/tai-khoan';
}

export function loginPath(next: string): string {
  return `/dang-nhap?next=${encodeURIComponent(next)}`;
}

import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  Alert, Box, Button, Card, CardActionArea, CardContent, Chip, CircularProgress, Container, Divider, Grid, Stack, TextField, Typography,
} from '@mui/material';
import { useAuth, type DemoUser } from '../lib/auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { humanize } from '../lib/time';

function roles(user: DemoUser): string {
  if (user.orgAdmin) return 'Organisation admin (every site)';
  return Object.values(user.sites).flat().filter((r, i, all) => all.indexOf(r) === i).map(humanize).join(', ');
}

/** Logging in: pick a demo user (embedded default) or go to the organisation's identity provider. */
export function LoginScreen() {
  const { config, configError, token, notice, loginAsDemoUser, loginWithOidc } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  useEffect(() => {
    if (token) navigate(from, { replace: true });
  }, [token, from, navigate]);

  const login = async (who: string) => {
    setBusy(who);
    setError(null);
    try {
      await loginAsDemoUser(who);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Container component="main" maxWidth="md" sx={{ py: 4 }}>
      <Typography variant="h4" component="h1" gutterBottom>Sitework</Typography>
      <Typography variant="body1" color="text.secondary" gutterBottom>
        What must happen on site, who owns it, what blocks it, and when it is done.
      </Typography>
      {notice && <Alert severity="warning" sx={{ my: 2 }} data-testid="session-notice">{notice}</Alert>}
      {configError && <Alert severity="error" sx={{ my: 2 }}>The portal cannot reach the gateway: {configError}</Alert>}
      {error ? <Box sx={{ my: 2 }}><ErrorAlert error={error} /></Box> : null}
      {!config && !configError && <CircularProgress aria-label="Loading" />}
      {config?.mode === 'oidc' && (
        <Box sx={{ my: 3 }}>
          <Button variant="contained" onClick={() => loginWithOidc(from).catch(setError)}>Log in with your organisation account</Button>
        </Box>
      )}
      {config?.mode === 'none' && (
        <Alert severity="warning" sx={{ my: 2 }}>
          No login is configured on this gateway: set SITEWORK_OIDC_ISSUER and SITEWORK_PORTAL_OIDC_CLIENT_ID, or run the embedded default.
        </Alert>
      )}
      {config?.mode === 'dev' && (
        <>
          <Alert severity="info" sx={{ my: 2 }}>
            Embedded default: log in as one of the demo users below (dev login; never enabled in production).
          </Alert>
          <Typography variant="h6" component="h2" sx={{ mt: 2 }}>Choose a demo user</Typography>
          <Grid container spacing={2} sx={{ mt: 0.5 }} role="list" aria-label="Demo users">
            {config.users.map((user) => (
              <Grid item xs={12} sm={6} key={user.subject} role="listitem">
                <Card variant="outlined">
                  <CardActionArea onClick={() => login(user.subject)} disabled={busy !== null} data-testid={`login-${user.subject}`}
                                  aria-label={`Log in as ${user.name}`}>
                    <CardContent>
                      <Stack direction="row" justifyContent="space-between" alignItems="center">
                        <Typography variant="subtitle1" component="div">{user.name}</Typography>
                        {busy === user.subject && <CircularProgress size={20} />}
                      </Stack>
                      <Typography variant="body2" color="text.secondary">{user.subject}</Typography>
                      <Chip size="small" label={roles(user)} sx={{ mt: 1 }} />
                    </CardContent>
                  </CardActionArea>
                </Card>
              </Grid>
            ))}
          </Grid>
          <Divider sx={{ my: 3 }} />
          <Box component="form" onSubmit={(e) => { e.preventDefault(); if (subject) login(subject); }}>
            <Typography variant="subtitle1" component="h2">Or another demo user by login</Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1 }}>
              <TextField label="Login (subject)" value={subject} onChange={(e) => setSubject(e.target.value)} />
              <Button type="submit" variant="outlined" disabled={!subject || busy !== null}>Log in</Button>
            </Stack>
          </Box>
        </>
      )}
    </Container>
  );
}

/** Where the identity provider sends the browser back (authorization code + PKCE). */
export function LoginCallback() {
  const { config, completeOidcLogin } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (config?.mode !== 'oidc') return;
    completeOidcLogin().then((from) => navigate(from, { replace: true })).catch(setError);
  }, [config, completeOidcLogin, navigate]);
  return (
    <Container component="main" maxWidth="sm" sx={{ py: 4 }}>
      {error ? <ErrorAlert error={error} /> : <CircularProgress aria-label="Completing the login" />}
    </Container>
  );
}

import { useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import {
  AppBar, Badge, Box, Button, Divider, Drawer, FormControl, IconButton, InputLabel, List, ListItem, ListItemButton, ListItemIcon,
  ListItemText, MenuItem, Select, Snackbar, Alert, Toolbar, Tooltip, Typography, useMediaQuery, useTheme,
} from '@mui/material';
import MenuIcon from '@mui/icons-material/Menu';
import NotificationsIcon from '@mui/icons-material/Notifications';
import DashboardIcon from '@mui/icons-material/Dashboard';
import BlockIcon from '@mui/icons-material/Block';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import HistoryIcon from '@mui/icons-material/History';
import SettingsIcon from '@mui/icons-material/Settings';
import LogoutIcon from '@mui/icons-material/Logout';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../lib/auth';
import { useCurrentSite } from '../lib/site';
import { useNotificationStream } from '../lib/stream';
import { can, canAnywhere } from '../lib/permissions';
import { get } from '../lib/api';
import type { Counts } from '../lib/types';

const DRAWER_WIDTH = 248;

/** The frame of every screen: the site switcher, the navigation, the unread count and the live inbox. */
export function Layout() {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const [open, setOpen] = useState(false);
  const { identity, token, logout } = useAuth();
  const { site, sites } = useCurrentSite();
  const navigate = useNavigate();
  const location = useLocation();
  const { latest } = useNotificationStream(token);
  const [toast, setToast] = useState<string | null>(null);
  const counts = useQuery({ queryKey: ['counts'], queryFn: () => get<Counts>('/api/notifications/counts'), enabled: !!token });

  useEffect(() => {
    if (latest) setToast(latest.title);
  }, [latest]);
  useEffect(() => setOpen(false), [location.pathname]);

  const siteId = site?.id;
  const nav: { label: string; to: string; icon: ReactNode; show: boolean }[] = [
    { label: 'Site board', to: `/sites/${siteId}/board`, icon: <DashboardIcon />, show: !!siteId },
    { label: 'Blocked & waiting on me', to: `/sites/${siteId}/blocked`, icon: <BlockIcon />, show: !!siteId },
    { label: 'Permits', to: `/sites/${siteId}/permits`, icon: <AssignmentTurnedInIcon />, show: !!siteId },
    { label: 'Assets', to: `/sites/${siteId}/assets`, icon: <AccountTreeIcon />, show: !!siteId },
    { label: 'Notifications', to: '/notifications', icon: <NotificationsIcon />, show: true },
    { label: 'Audit', to: `/sites/${siteId}/audit`, icon: <HistoryIcon />, show: !!siteId && can(identity, 'audit.read', siteId) },
    { label: 'Admin', to: '/admin', icon: <SettingsIcon />, show: canAnywhere(identity, 'webhooks.manage') },
  ];

  const drawer = (
    <Box component="nav" aria-label="Main">
      <Toolbar />
      <List>
        {nav.filter((item) => item.show).map((item) => (
          <ListItem key={item.label} disablePadding>
            <ListItemButton component={RouterLink} to={item.to} selected={location.pathname === item.to}
                            aria-current={location.pathname === item.to ? 'page' : undefined} sx={{ minHeight: 52 }}>
              <ListItemIcon>{item.icon}</ListItemIcon>
              <ListItemText primary={item.label} />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
      <Divider />
      <Box sx={{ p: 2 }}>
        <Typography variant="body2" color="text.secondary">Signed in as</Typography>
        <Typography variant="body1" data-testid="signed-in-user">{identity?.name}</Typography>
        <Typography variant="caption" color="text.secondary">{identity?.subject}</Typography>
      </Box>
    </Box>
  );

  const switchSite = (id: string) => {
    const rest = location.pathname.match(/^\/sites\/[^/]+\/(\w+)/)?.[1] ?? 'board';
    navigate(`/sites/${id}/${rest === 'work' ? 'board' : rest}`);
  };

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1 }}>
          {!wide && (
            <IconButton color="inherit" edge="start" aria-label="Open navigation" onClick={() => setOpen(true)} size="large">
              <MenuIcon />
            </IconButton>
          )}
          <Typography variant="h6" component={RouterLink} to="/" sx={{ color: 'inherit', textDecoration: 'none', mr: 2 }}>
            Sitework
          </Typography>
          {sites.length > 0 && (
            <FormControl size="small" sx={{ minWidth: 160, bgcolor: 'rgba(255,255,255,0.12)', borderRadius: 1 }}>
              <InputLabel id="site-switcher-label" sx={{ color: 'inherit' }}>Site</InputLabel>
              <Select labelId="site-switcher-label" label="Site" value={siteId ?? ''} onChange={(e) => switchSite(e.target.value)}
                      sx={{ color: 'inherit' }} inputProps={{ 'data-testid': 'site-switcher' }}>
                {sites.map((s) => <MenuItem key={s.id} value={s.id}>{s.code} — {s.name}</MenuItem>)}
              </Select>
            </FormControl>
          )}
          <Box sx={{ flexGrow: 1 }} />
          <Tooltip title="Notifications">
            <IconButton color="inherit" component={RouterLink} to="/notifications" size="large"
                        aria-label={`Notifications, ${counts.data?.unread ?? 0} unread`}>
              <Badge badgeContent={counts.data?.unread ?? 0} color="error" data-testid="unread-badge">
                <NotificationsIcon />
              </Badge>
            </IconButton>
          </Tooltip>
          <Button color="inherit" startIcon={<LogoutIcon />} onClick={() => { logout(); navigate('/login'); }}>
            {wide ? 'Log out' : ''}
            {!wide && <span className="visually-hidden">Log out</span>}
          </Button>
        </Toolbar>
      </AppBar>
      {wide ? (
        <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}>
          {drawer}
        </Drawer>
      ) : (
        <Drawer variant="temporary" open={open} onClose={() => setOpen(false)} ModalProps={{ keepMounted: true }}
                sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}>
          {drawer}
        </Drawer>
      )}
      <Box component="main" sx={{ flexGrow: 1, p: { xs: 1.5, sm: 3 }, minWidth: 0 }}>
        <Toolbar />
        <Outlet />
      </Box>
      <Snackbar open={!!toast} autoHideDuration={8000} onClose={() => setToast(null)}
                anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
        <Alert severity="info" onClose={() => setToast(null)} data-testid="live-toast"
               action={<Button color="inherit" component={RouterLink} to="/notifications">Open</Button>}>
          {toast}
        </Alert>
      </Snackbar>
    </Box>
  );
}

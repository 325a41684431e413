import { createTheme } from '@mui/material';

/** Large touch targets for gloved hands on a tablet, high-contrast defaults, the system font (no downloads). */
export const theme = createTheme({
  palette: {
    primary: { main: '#0d47a1' },
    secondary: { main: '#6a1b9a' },
    background: { default: '#f4f6f8' },
  },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    MuiButton: { defaultProps: { size: 'large' }, styleOverrides: { root: { minHeight: 44, textTransform: 'none' } } },
    MuiIconButton: { styleOverrides: { root: { minWidth: 44, minHeight: 44 } } },
    MuiTextField: { defaultProps: { fullWidth: true } },
    MuiTableCell: { styleOverrides: { root: { paddingTop: 10, paddingBottom: 10 } } },
  },
});

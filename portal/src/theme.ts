import { createTheme } from '@mui/material';

/** Large touch targets for gloved hands on a tablet, high-contrast defaults, the system font (no downloads). */
export const theme = createTheme({
  palette: {
    primary: { main: '#0d47a1' },
    secondary: { main: '#6a1b9a' },
    // darker than MUI's defaults so that white text on a status chip, and coloured text on a selected row,
    // reaches WCAG AA contrast (4.5:1)
    info: { main: '#01579b' },
    warning: { main: '#a84f00' },
    error: { main: '#c62828' },
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

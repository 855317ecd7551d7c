import type { ReactNode } from 'react';
import { ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/ManageAccounts';
import {
  AppBar,
  Layout as RaLayout,
  Logout,
  Menu,
  TitlePortal,
  UserMenu,
  useTranslate,
  useUserMenu,
  LinkBase,
} from 'react-admin';

const AccountMenuItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={LinkBase} to="/account" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <AccountCircleIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('unidos.menu.account')}</ListItemText>
    </MenuItem>
  );
};

const AppUserMenu = () => (
  <UserMenu>
    <AccountMenuItem />
    <Logout />
  </UserMenu>
);

/** The app bar: page title, language switcher (English / Español) and the user menu. */
const UnidosAppBar = () => (
  <AppBar userMenu={<AppUserMenu />}>
    <Typography component="span" variant="h6" sx={{ fontWeight: 700, mr: 2, letterSpacing: 0.5 }}>
      Unidos
    </Typography>
    <TitlePortal />
  </AppBar>
);

/** Dashboard, the resources this role may open (react-admin asks `canAccess`), then "My account". */
const UnidosMenu = () => {
  const translate = useTranslate();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      <Menu.Item
        to="/account"
        primaryText={translate('unidos.menu.account')}
        leftIcon={<AccountCircleIcon />}
      />
    </Menu>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={UnidosAppBar} menu={UnidosMenu}>
    {children}
  </RaLayout>
);

import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
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
  useGetIdentity,
  useResourceDefinitions,
} from 'react-admin';
import type { UnidosIdentity } from '../providers/authProvider';
import { isAllianceRole } from '../providers/permissions';

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
  <UserMenu label={useMe()?.fullName}>
    <AccountMenuItem />
    <Logout />
  </UserMenu>
);

/** The app bar: page title, language switcher (English / Español) and the user menu. */
const UnidosAppBar = () => (
  <AppBar userMenu={<AppUserMenu />}>
    <Typography
      component="span"
      variant="h6"
      sx={{ fontWeight: 700, mr: 2, letterSpacing: 0.5, display: { xs: 'none', sm: 'inline' } }}
    >
      Unidos
    </Typography>
    {/* On a phone the page title gets the room, and ends in "…" rather than running into the buttons. */}
    <TitlePortal
      sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
    />
  </AppBar>
);

/** The signed-in user (`/api/auth/me`), or undefined while it loads. */
const useMe = () => useGetIdentity().identity as UnidosIdentity | undefined;

/**
 * Dashboard, the resources this role may open (react-admin asks `canAccess`), then "My account".
 * Alliance roles only ever get organizations' public contacts from `/api/people`, so the entry says
 * so. An admin who must still turn on two-factor sign-in sees only "My account".
 */
const UnidosMenu = () => {
  const translate = useTranslate();
  const resources = useResourceDefinitions();
  const me = useMe();
  const locked = me?.totpEnrollmentRequired === true;
  const alliance = isAllianceRole(me?.role);
  return (
    <Menu>
      {locked ? null : <Menu.DashboardItem />}
      {locked
        ? null
        : Object.keys(resources)
            .filter((name) => resources[name].hasList)
            .map((name) => (
              <Menu.ResourceItem
                key={name}
                name={name}
                {...(name === 'people' && alliance
                  ? { primaryText: translate('unidos.menu.public_contacts') }
                  : {})}
              />
            ))}
      <Menu.Item
        to="/account"
        primaryText={translate('unidos.menu.account')}
        leftIcon={<AccountCircleIcon />}
      />
    </Menu>
  );
};

/**
 * An alliance admin who must turn on two-factor sign-in can only use "My account" until they do
 * (the API refuses everything else with 403 anyway): any other page sends them there.
 */
const EnrollmentGate = ({ children }: { children: ReactNode }) => {
  const me = useMe();
  const { pathname } = useLocation();
  if (me?.totpEnrollmentRequired && pathname !== '/account') return <Navigate to="/account" replace />;
  return <>{children}</>;
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={UnidosAppBar} menu={UnidosMenu}>
    <EnrollmentGate>{children}</EnrollmentGate>
  </RaLayout>
);

import { localStorageStore, type Store } from 'react-admin';

/**
 * react-admin's localStorage store (list preferences, the sidebar, the UI language), except that
 * signing out keeps the chosen language: react-admin resets the whole store on logout, and a person
 * who picked Español should not get the login page back in English. Nothing secret lives here.
 */
export const createStore = (): Store => {
  const store = localStorageStore(undefined, 'unidos');
  return {
    ...store,
    reset: () => {
      const locale: unknown = store.getItem('locale');
      store.reset();
      if (locale) store.setItem('locale', locale);
    },
  };
};

import { SearchInput, type SearchInputProps, useTranslate } from 'react-admin';

/** react-admin's SearchInput with an accessible name ("Search" / "Buscar"), not only a placeholder. */
export const SearchFilter = (props: SearchInputProps) => {
  const translate = useTranslate();
  const label = translate('ra.action.search');
  return <SearchInput {...props} slotProps={{ htmlInput: { 'aria-label': label } }} />;
};

import type { PaginationProps } from 'antd';

/** A table paged on the server: the page the list query asked for and the total it answered. */
export function serverPages(options: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  showTotal?: (count: number) => string;
}): PaginationProps {
  const { page, ...rest } = options;
  return { current: page, showSizeChanger: false, ...rest };
}

/** A short list held whole in the browser: paged only once it is longer than one page. */
export function localPages(length: number, pageSize: number): PaginationProps | false {
  return length > pageSize ? { pageSize, showSizeChanger: false } : false;
}

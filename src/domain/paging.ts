/** A request for one page of an offset-paged list. */
export interface PageRequest {
  page: number;
  perPage: number;
}

/** One page of items and the size of the whole list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

export const pageCount = (total: number, perPage: number) => Math.ceil(total / perPage);

/** Reference data and figures everyone reads (territories, key figures). */
export const openDataPolicy = {
  read: () => true,
};

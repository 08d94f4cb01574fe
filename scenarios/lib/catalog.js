// Test data helpers shared by scenarios (imported as an ES module).
export function itemId(iteration) {
  return 1 + (iteration % 3);
}

export function newItem(worker, iteration) {
  return { name: `widget-${worker}-${iteration}`, quantity: 1 + (iteration % 3) };
}

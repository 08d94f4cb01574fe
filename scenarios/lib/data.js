// Test data for scenarios/checkout.js.
const ITEMS = ['widget', 'gadget', 'doohickey'];

export function pick() {
  return ITEMS[Math.floor(Math.random() * ITEMS.length)];
}

// k6/execution: where the running code is (VU, iteration, scenario) and test.abort().
const { execution } = globalThis.__fusillade.module('execution');
export const vu = execution.vu;
export const scenario = execution.scenario;
export const test = execution.test;
export const instance = execution.instance;
export default execution;

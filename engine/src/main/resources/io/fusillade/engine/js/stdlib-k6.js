// What the built-in k6/* modules build on: k6/execution's object and the metric classes.
(function (lib, core) {
  'use strict';

  const { bytesToBuffer } = core;

  // ---- execution context (k6/execution) -----------------------------------------------------
  const execution = Object.freeze({
    vu: Object.freeze({
      get idInTest() { return __VU; },
      get idInInstance() { return __VU; },
      get iterationInInstance() { return __ITER; },
      get iterationInScenario() { return __ITER; },
    }),
    scenario: Object.freeze({
      get name() { return lib.scenarioName(); },
      get iterationInInstance() { return __ITER; },
    }),
    instance: Object.freeze({
      get vusActive() { return lib.instance('vusActive'); },
      get vusInitialized() { return lib.instance('vusInitialized'); },
      get iterationsCompleted() { return lib.instance('iterationsCompleted'); },
      get iterationsInterrupted() { return lib.instance('iterationsInterrupted'); },
      get currentTestRunDuration() { return lib.instance('currentTestRunDuration'); },
    }),
    test: Object.freeze({
      abort: (reason) => lib.abort(reason === undefined ? null : String(reason)),
    }),
  });

  const __fusillade_k6 = Object.freeze({
    metricClasses: core.part('metrics').metricClasses,
    execution,
    bytesToBuffer,
    b64decodeBytes: (data, variant) => lib.b64decodeBytes(data, variant),
  });

  return { __fusillade_k6 };
})

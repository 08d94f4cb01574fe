// The execution module: k6/execution's object (where the running code is: VU, iteration,
// scenario; the instance's progress; test.abort()). Installed in a VU on first import; `lib`
// is the VU's ExecutionHost.
(function (lib, core) {
  'use strict';

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

  return { execution };
})

package vn.govflow.engine;

import vn.govflow.support.H2IntegrationTest;

class SandboxH2Test extends H2IntegrationTest implements SandboxScenarios {}

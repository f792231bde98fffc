package vn.govflow.engine;

import vn.govflow.support.H2IntegrationTest;

class PlatformPipelineH2Test extends H2IntegrationTest implements PlatformPipelineScenarios {}

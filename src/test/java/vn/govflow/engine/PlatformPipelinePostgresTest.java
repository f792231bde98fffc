package vn.govflow.engine;

import vn.govflow.support.PostgresIntegrationTest;

class PlatformPipelinePostgresTest extends PostgresIntegrationTest implements PlatformPipelineScenarios {}

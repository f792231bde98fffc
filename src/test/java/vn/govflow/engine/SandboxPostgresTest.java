package vn.govflow.engine;

import vn.govflow.support.PostgresIntegrationTest;

class SandboxPostgresTest extends PostgresIntegrationTest implements SandboxScenarios {}

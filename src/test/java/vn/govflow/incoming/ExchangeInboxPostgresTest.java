package vn.govflow.incoming;

import vn.govflow.support.PostgresIntegrationTest;

class ExchangeInboxPostgresTest extends PostgresIntegrationTest implements ExchangeInboxScenarios {}

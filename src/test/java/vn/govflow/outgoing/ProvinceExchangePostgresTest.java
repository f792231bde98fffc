package vn.govflow.outgoing;

import vn.govflow.support.PostgresIntegrationTest;

class ProvinceExchangePostgresTest extends PostgresIntegrationTest implements ProvinceExchangeScenarios {}

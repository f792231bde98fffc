package vn.govflow.outgoing;

import vn.govflow.support.H2IntegrationTest;

class ProvinceExchangeH2Test extends H2IntegrationTest implements ProvinceExchangeScenarios {}

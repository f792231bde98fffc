package vn.govflow.incoming;

import vn.govflow.support.H2IntegrationTest;

class ExchangeInboxH2Test extends H2IntegrationTest implements ExchangeInboxScenarios {}

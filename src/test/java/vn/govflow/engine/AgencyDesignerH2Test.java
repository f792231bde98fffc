package vn.govflow.engine;

import vn.govflow.support.H2IntegrationTest;

class AgencyDesignerH2Test extends H2IntegrationTest implements AgencyDesignerScenarios {}

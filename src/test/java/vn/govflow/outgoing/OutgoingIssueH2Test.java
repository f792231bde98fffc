package vn.govflow.outgoing;

import vn.govflow.support.H2IntegrationTest;

class OutgoingIssueH2Test extends H2IntegrationTest implements OutgoingIssueScenarios {}

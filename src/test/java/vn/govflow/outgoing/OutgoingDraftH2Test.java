package vn.govflow.outgoing;

import vn.govflow.support.H2IntegrationTest;

class OutgoingDraftH2Test extends H2IntegrationTest implements OutgoingDraftScenarios {}

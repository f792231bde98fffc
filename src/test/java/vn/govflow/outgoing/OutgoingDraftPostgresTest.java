package vn.govflow.outgoing;

import vn.govflow.support.PostgresIntegrationTest;

class OutgoingDraftPostgresTest extends PostgresIntegrationTest implements OutgoingDraftScenarios {}

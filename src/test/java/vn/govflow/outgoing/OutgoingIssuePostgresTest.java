package vn.govflow.outgoing;

import vn.govflow.support.PostgresIntegrationTest;

class OutgoingIssuePostgresTest extends PostgresIntegrationTest implements OutgoingIssueScenarios {}

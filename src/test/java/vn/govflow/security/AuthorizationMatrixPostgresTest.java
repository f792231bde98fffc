package vn.govflow.security;

import vn.govflow.support.PostgresIntegrationTest;

class AuthorizationMatrixPostgresTest extends PostgresIntegrationTest implements AuthorizationMatrixScenarios {}

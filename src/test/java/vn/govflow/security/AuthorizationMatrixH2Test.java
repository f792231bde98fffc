package vn.govflow.security;

import vn.govflow.support.H2IntegrationTest;

class AuthorizationMatrixH2Test extends H2IntegrationTest implements AuthorizationMatrixScenarios {}

package vn.govflow.engine;

import vn.govflow.support.H2IntegrationTest;

class CamundaWebappsForRolesH2Test extends H2IntegrationTest implements CamundaWebappsForRolesScenarios {}

package vn.govflow.files;

import vn.govflow.support.H2IntegrationTest;

class FilesApiH2Test extends H2IntegrationTest implements FilesApiScenarios {}

package vn.govflow.files;

import vn.govflow.support.H2IntegrationTest;

class FileTextRetryH2Test extends H2IntegrationTest implements FileTextRetryScenarios {}

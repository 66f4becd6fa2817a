# The pure sync core: decisions asserted as data, no broker.
witryna_add_test_suite(sync_core_tests unit DIRS sync/core LIBS witryna::sync_core)

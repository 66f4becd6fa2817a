# tools/https_files: Range and path decisions (unit). The server itself runs
# in tests/update (the updater against it) and tests/central/https
# (witryna-central serving a folder).
witryna_add_test_suite(https_files_tests unit DIRS https_files LIBS witryna::https_files)

package bot

// Locate is locate, for the tests of package bot_test.
var Locate = locate

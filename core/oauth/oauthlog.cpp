#include "oauth/oauthlog.h"

Q_LOGGING_CATEGORY(lcOAuth, "peephole.oauth", QtWarningMsg)

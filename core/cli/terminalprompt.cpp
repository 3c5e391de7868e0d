#include "cli/terminalprompt.h"

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace Peephole::Cli {

bool promptSecret(const QString &prompt, QString *answer)
{
    return promptLine(prompt, answer, false);
}

bool promptLine(const QString &prompt, QString *answer, bool echo)
{
    // Only an interactive run asks: a script (stdin not a terminal) gets a clear error instead of a hang.
    if (!isatty(STDIN_FILENO))
        return false;
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return false;
    const QByteArray text = prompt.toLocal8Bit();
    [[maybe_unused]] ssize_t w = ::write(fd, text.constData(), size_t(text.size()));
    termios old{};
    const bool isTty = !echo && tcgetattr(fd, &old) == 0;
    if (isTty) {
        termios noEcho = old;
        noEcho.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSAFLUSH, &noEcho);
    }
    QByteArray line;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        line.append(c);
    if (isTty)
        tcsetattr(fd, TCSAFLUSH, &old);
    w = ::write(fd, "\n", 1);
    ::close(fd);
    *answer = QString::fromLocal8Bit(line);
    return true;
}

} // namespace Peephole::Cli

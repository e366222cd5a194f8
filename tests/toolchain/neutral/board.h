/* A subarch set of one board (EARLYINIT_CONFIG_HEADER): nothing x86. */
#define EARLYINIT_SUBARCH_ID_board 0
#define EARLYINIT_SUBARCH_LABEL_board "Board"
#define EARLYINIT_SUBARCHS (board)

using System.CommandLine;

var root = new RootCommand("safeguard: run, import into and maintain a Safeguard database from the command line");
root.Subcommands.Add(Safeguard.Cli.MatchCommand.Create());
root.Subcommands.Add(Safeguard.Cli.ImportCommand.Create());
root.Subcommands.Add(Safeguard.Cli.TokenCommand.Create());
root.Subcommands.Add(Safeguard.Cli.UserCommand.Create());
root.Subcommands.Add(Safeguard.Cli.RebuildCasesCommand.Create());
root.Subcommands.Add(Safeguard.Cli.RederiveCommand.Create());
root.Subcommands.Add(Safeguard.Cli.GenerateCommand.Create());
root.Subcommands.Add(Safeguard.Cli.AuditCommand.Create());
root.Subcommands.Add(Safeguard.Cli.BackupCommand.CreateBackup());
root.Subcommands.Add(Safeguard.Cli.BackupCommand.CreateRestore());
return root.Parse(args).Invoke();

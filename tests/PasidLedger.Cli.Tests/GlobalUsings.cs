global using PasidLedger.Testing;
global using Shouldly;
global using Xunit;
